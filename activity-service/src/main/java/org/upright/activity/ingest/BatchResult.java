package org.upright.activity.ingest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a batch: counts, then one result per item in the order posted. */
@Schema(name = "BatchResult", example = """
        {"accepted": 1, "duplicates": 1, "rejected": 1, "items": [
          {"index": 0, "eventId": "6f1c2a4e-2b7d-4a8e-9a51-0c3f5d7e9b11", "status": "accepted"},
          {"index": 1, "eventId": "0d5c4b3a-2918-4776-8655-443322110099", "status": "duplicate"},
          {"index": 2, "eventId": "9e8d7c6b-5a49-4837-8261-504f3e2d1c0b", "status": "rejected",
           "errors": [{"field": "mets", "message": "must be between 0 and 25", "index": 2}]}]}""")
public record BatchResult(int accepted, int duplicates, int rejected, List<ItemResult> items) {

    static BatchResult of(List<ItemResult> items) {
        return new BatchResult(count(items, ItemResult.Status.accepted), count(items, ItemResult.Status.duplicate),
                count(items, ItemResult.Status.rejected), items);
    }

    private static int count(List<ItemResult> items, ItemResult.Status status) {
        return (int) items.stream().filter(item -> item.status() == status).count();
    }
}
