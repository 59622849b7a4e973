package org.upright.activity.ingest;

import java.util.List;

/** The answer to a batch: counts, then one result per item in the order posted. */
public record BatchResult(int accepted, int duplicates, int rejected, List<ItemResult> items) {

    static BatchResult of(List<ItemResult> items) {
        return new BatchResult(count(items, ItemResult.Status.accepted), count(items, ItemResult.Status.duplicate),
                count(items, ItemResult.Status.rejected), items);
    }

    private static int count(List<ItemResult> items, ItemResult.Status status) {
        return (int) items.stream().filter(item -> item.status() == status).count();
    }
}
