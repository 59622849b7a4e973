package org.upright.advice.rules;

import io.quarkus.arc.All;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The rule catalogue: what each rule watches, when it fires with the current settings, and its source. */
@Path("/api/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {

    /** The order the catalogue lists them in: the CDC targets, then the article's risk factors, then the summary. */
    static final List<String> ORDER = List.of(AerobicRule.ID, StrengthRule.ID, SittingBreakRule.ID, LongDayRule.ID, PostureRule.ID,
            OveruseRule.ID, StressRule.ID, PainRule.ID, StayActiveRule.ID, WeeklySummaryRule.ID);

    @Inject
    @All
    List<Rule> rules;

    @GET
    @Operation(summary = "Every rule, with its threshold as configured and the source it rests on; no sign-in needed")
    public List<Rule.Description> catalogue() {
        return rules.stream().map(Rule::description).sorted(Comparator.comparingInt(rule -> ORDER.indexOf(rule.id()))).toList();
    }
}
