package com.engagementboard.demo;

import com.engagementboard.demo.BoardChapter.Action;
import com.engagementboard.demo.BoardChapter.Handling;
import com.engagementboard.demo.BoardChapter.Item;
import java.util.List;

/**
 * What the board had on its agenda in the three weeks the demo shows, and how it took each item: the words
 * people typed, kept apart from the mechanics of {@link BoardChapter}.
 */
final class BoardScript {

    /** Approved three weeks ago; its action, due a week later, is still open: overdue. */
    static final String OVERDUE_ACTION = "Rewrite the script to three questions and train the agents";
    /** Approved two weeks ago; its owner reported it done. */
    static final String DONE_ACTION = "Send a tracking SMS when a card leaves the depot";
    /** Escalated to the CEO two weeks ago. */
    static final String ESCALATED_ITEM = "Replace the identity check of the mobile-app onboarding";

    static final List<Item> FIRST_MEETING = List.of(
            new Item("sales.head", "Three-question call-centre script",
                    "Cut the call-centre script to three questions before the customer's own",
                    List.of("call-centre-script"), "Priority 5 touchpoint: every customer calls at least once a year",
                    "40% of callers hang up before question five; complaints name the script first",
                    "Two competitors answer within 60 seconds with a three-step script",
                    List.of(new Action("call-centre-script", "OPERATE", OVERDUE_ACTION, 7)),
                    Handling.votes("cmo:APPROVE", "retail.head:APPROVE", "business.head:REJECT",
                            "wealth.head:APPROVE")));

    static final List<Item> SECOND_MEETING = List.of(
            new Item("operations.head", "Track card deliveries by SMS",
                    "Tell customers by SMS when their new card is on its way, with a tracking link",
                    List.of("card-delivery", "sms-alerts"), "Priority 3 touchpoints, but a top-five complaint",
                    "1 in 6 calls in the week after a card is sent asks where it is",
                    "Every digital bank tracks its cards in the app",
                    List.of(new Action("card-delivery", "OPERATE", DONE_ACTION, 10)),
                    Handling.votes("cmo:APPROVE", "retail.head:APPROVE", "business.head:APPROVE")),
            new Item("branch.lead", "Close the greeting desks of small branches",
                    "Replace the greeting desk of branches with fewer than 200 visits a day by a self-service screen",
                    List.of("branch-greeting"), "Priority 4 touchpoint",
                    "Visits to small branches fell 30% in two years",
                    null, List.of(),
                    Handling.votes("cmo:REJECT", "retail.head:REJECT", "business.head:APPROVE",
                            "wealth.head:REJECT")),
            new Item("digital.lead", ESCALATED_ITEM,
                    "Move the identity check of the app's onboarding to a new provider, at twice the cost",
                    List.of("mobile-app-onboarding"), "Priority 5 touchpoint: where new customers start",
                    "52% of sign-ups stop at the identity check; the provider's success rate is 71%",
                    "Competitors' checks pass 90% of customers within two minutes",
                    List.of(new Action("mobile-app-onboarding", "BUILD",
                            "Run the tender for the identity-check provider", 30)),
                    Handling.escalate("The board recommends the switch: the cost is beyond its mandate, the loss "
                            + "of new customers is not.", "Approved within this year's digital budget; report the "
                            + "sign-up rate to me monthly.")));

    static final List<Item> THIRD_MEETING = List.of(
            new Item("communications.head", "Weekend hours for social-media care",
                    "Answer customers on social media on Saturdays too",
                    List.of("social-media-care"), "Priority 3 touchpoint",
                    "A third of complaints on social media arrive on weekends; answers wait until Monday",
                    "One competitor answers seven days a week",
                    List.of(new Action("social-media-care", "OPERATE", "Staff social-media care on Saturdays",
                            21)),
                    Handling.tie("APPROVE", "cmo:APPROVE", "retail.head:REJECT", "business.head:APPROVE",
                            "wealth.head:REJECT")),
            new Item("insight.lead", "Complaint themes in the monthly insight report",
                    "Add the month's top complaint themes to the customer-insight report",
                    List.of("customer-insight-report", "complaint-handling"), "Priority 5 complaint handling",
                    "The same three complaint themes have led for six months without an owner",
                    null,
                    List.of(new Action("customer-insight-report", "OPERATE",
                            "Add the complaint themes to the monthly report", 14)),
                    Handling.votes("cmo:APPROVE", "retail.head:APPROVE", "business.head:APPROVE")),
            new Item("compliance.lead", "Plain-language fee schedule",
                    "Rewrite the fee schedule and terms in plain language",
                    List.of("fee-schedule"), "Priority 2, but the regulator asks for it",
                    "Customers call about fees they did not understand: 800 calls a month",
                    "The market leader published a one-page price list last spring",
                    List.of(new Action("fee-schedule", "BUILD", "Rewrite the fee schedule in plain language", 28)),
                    Handling.votes("cmo:APPROVE", "retail.head:ABSTAIN", "business.head:APPROVE",
                            "wealth.head:APPROVE")));

    /** Waiting for the next meeting. */
    static final Item NEXT_MEETING = new Item("marketing.head", "A shorter monthly statement letter",
            "Cut the statement letter to one page with the balance and the month's fees first",
            List.of("statement-letter"), "Priority 3 touchpoint, sent to every customer",
            "Only 12% open the letter; the most common question is where the fees are",
            null,
            List.of(new Action("statement-letter", "OPERATE", "Send the one-page statement from next month", 30)),
            null);

    private BoardScript() {
    }
}
