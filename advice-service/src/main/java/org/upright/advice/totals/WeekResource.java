package org.upright.advice.totals;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.upright.advice.rules.RulesConfig;
import org.upright.problems.InvalidRequestException;

@Path("/api/v1/users/{userId}/weeks")
@Produces(MediaType.APPLICATION_JSON)
public class WeekResource {

    @Inject
    RulesConfig rules;

    @GET
    @Path("/{isoWeek}")
    @Operation(summary = "One person's figures for one ISO week, against the CDC aerobic target")
    public WeekView week(@PathParam("userId") String userId, @PathParam("isoWeek") String isoWeek) {
        IsoWeek week;
        try {
            week = IsoWeek.parse(isoWeek);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("isoWeek", e.getMessage());
        }
        WeekFigures figures = WeeklyTotal.find(userId, week).map(WeeklyTotal::figures).orElse(WeekFigures.NONE);
        return WeekView.of(userId, week, figures, rules.aerobic().weeklyModerateMinutes());
    }

    @Schema(name = "Week")
    public record WeekView(String userId, String isoWeek, double moderateMinutes, double vigorousMinutes,
                           double moderateEquivalentMinutes, Target aerobic) {

        static WeekView of(String userId, IsoWeek week, WeekFigures figures, int targetMinutes) {
            double remaining = Math.max(0, targetMinutes - figures.moderateEquivalentMinutes());
            return new WeekView(userId, week.toString(), round(figures.moderateMinutes()), round(figures.vigorousMinutes()),
                    round(figures.moderateEquivalentMinutes()),
                    new Target(targetMinutes, remaining == 0, round(remaining), round(remaining / 2)));
        }

        private static double round(double minutes) {
            return Math.round(minutes * 10) / 10.0;
        }
    }

    /** The CDC aerobic target in moderate-equivalent minutes, and what remains in either intensity. */
    public record Target(int targetMinutes, boolean met, double remainingModerateMinutes, double remainingVigorousMinutes) {
    }
}
