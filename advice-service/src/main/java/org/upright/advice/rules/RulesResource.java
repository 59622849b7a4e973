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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    @APIResponse(responseCode = "200", description = "The catalogue, CDC targets first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "catalogue", value = """
                    [{"id": "cdc-aerobic", "title": "Aerobic activity: the CDC's weekly target",
                      "firesWhen": "moderate-equivalent minutes (moderate + 2 x vigorous) below 150: a pacing nudge on thursday at 12:00, a verdict when the week is over",
                      "severity": "info",
                      "source": {"document": "Physical Activity Guidelines for Americans, 2nd edition (HHS/CDC, 2018)",
                                 "section": "Key Guidelines for Adults",
                                 "point": "Adults should do at least 150 minutes of moderate or 75 minutes of vigorous aerobic activity a week, or an equivalent mix; a vigorous minute counts as two moderate ones."}}]""")))
    public List<Rule.Description> catalogue() {
        return rules.stream().map(Rule::description).sorted(Comparator.comparingInt(rule -> ORDER.indexOf(rule.id()))).toList();
    }
}
