package org.upright.advice.rules;

import org.upright.events.AdviceIssued;

/** The documents Upright's advice rests on, named the way advice cites them. */
public final class Source {

    public static final String CDC_GUIDELINES = "Physical Activity Guidelines for Americans, 2nd edition (HHS/CDC, 2018)";
    public static final String BACK_SPASM_ARTICLE = "Causes and treatment of lower back spasms (Medical News Today, 2018)";

    private Source() {
    }

    public static AdviceIssued.Source cdc(String section, String point) {
        return new AdviceIssued.Source(CDC_GUIDELINES, section, point);
    }

    public static AdviceIssued.Source article(String section, String point) {
        return new AdviceIssued.Source(BACK_SPASM_ARTICLE, section, point);
    }
}
