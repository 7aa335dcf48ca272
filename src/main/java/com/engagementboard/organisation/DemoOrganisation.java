package com.engagementboard.organisation;

import static com.engagementboard.organisation.JourneyStage.ADVOCATE;
import static com.engagementboard.organisation.JourneyStage.BOND;
import static com.engagementboard.organisation.JourneyStage.BUY;
import static com.engagementboard.organisation.JourneyStage.CONSIDER;
import static com.engagementboard.organisation.JourneyStage.EVALUATE;
import static com.engagementboard.organisation.JourneyStage.EXPERIENCE;
import static com.engagementboard.organisation.TouchpointKind.EXTERNAL_DIRECT;
import static com.engagementboard.organisation.TouchpointKind.EXTERNAL_INDIRECT;
import static com.engagementboard.organisation.TouchpointKind.INTERNAL;

import com.engagementboard.security.Groups;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo organisation of domain.md: a retail bank with a weekly board. Seeded once, on the first
 * start (when there are no divisions yet); later starts leave it, and anything changed since, alone.
 * Every demo user's password is {@value #PASSWORD}. Off in the {@code prod} profile.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "engagement-board.demo-data", havingValue = "true")
class DemoOrganisation implements ApplicationRunner {

    static final String PASSWORD = "demo";
    /**
     * {@value #PASSWORD} as Camunda stores it with this application's hash (PBKDF2-SHA256, 310,000
     * iterations, the salt below): precomputed, as a first start would otherwise spend a PBKDF2 round on
     * a published password. {@code DemoOrganisationTest} checks that it is still {@value #PASSWORD}.
     */
    static final People.StoredPassword STORED_PASSWORD = new People.StoredPassword(
            "{PBKDF2-SHA256}310000$YfJRabHt8AeLcystR3yUEg$fN9tQ4IOCTudjdUvw15i4xKBzfpyISvm14vyUmUzjZ0",
            "LUdoxWtP31JEf4TjOxBrHg==");

    private static final Logger LOG = LoggerFactory.getLogger(DemoOrganisation.class);

    record Person(String id, String firstName, String lastName, String title, List<String> groups) {
    }

    record DivisionSeed(String code, String name, String head) {
    }

    record FunctionSeed(String code, String name, String division, String head) {
    }

    static final List<DivisionSeed> DIVISIONS = List.of(
            new DivisionSeed("retail-banking", "Retail Banking", "retail.head"),
            new DivisionSeed("business-banking", "Business Banking", "business.head"),
            new DivisionSeed("wealth-management", "Wealth Management", "wealth.head"));

    static final List<FunctionSeed> FUNCTIONS = List.of(
            new FunctionSeed("marketing", "Marketing", null, "marketing.head"),
            new FunctionSeed("communications", "Communications", null, "communications.head"),
            new FunctionSeed("sales", "Sales", "retail-banking", "sales.head"),
            new FunctionSeed("service", "Customer Service", "retail-banking", "service.head"),
            new FunctionSeed("operations", "Operations", null, "operations.head"),
            new FunctionSeed("product", "Product Management", "business-banking", "product.head"),
            new FunctionSeed("it", "IT", null, "it.head"),
            new FunctionSeed("brand", "Brand & Reputation", null, "brand.head"));

    private static final List<String> CORE = List.of(Groups.BOARD_CORE, Groups.BOARD_MEMBER, Groups.EMPLOYEE);
    private static final List<String> MEMBER = List.of(Groups.BOARD_MEMBER, Groups.EMPLOYEE);

    /** The board of 17: the core group of four (the CMO and the division heads) and 13 further members. */
    static final List<Person> PEOPLE = List.of(
            new Person("cmo", "Clara", "Martens", "Chief Marketing Officer, board chair",
                    List.of(Groups.BOARD_CHAIR, Groups.BOARD_CORE, Groups.BOARD_MEMBER, Groups.EMPLOYEE)),
            new Person("retail.head", "Rafael", "Ortega", "Head of Retail Banking", CORE),
            new Person("business.head", "Beatrice", "Lindqvist", "Head of Business Banking", CORE),
            new Person("wealth.head", "Walter", "Okafor", "Head of Wealth Management", CORE),
            new Person("marketing.head", "Mira", "Hoffmann", "Head of Marketing", MEMBER),
            new Person("communications.head", "Colin", "Reyes", "Head of Communications", MEMBER),
            new Person("sales.head", "Sanjay", "Patel", "Head of Sales", MEMBER),
            new Person("service.head", "Sofia", "Novak", "Head of Customer Service", MEMBER),
            new Person("operations.head", "Oliver", "Brandt", "Head of Operations", MEMBER),
            new Person("product.head", "Priya", "Raman", "Head of Product Management", MEMBER),
            new Person("it.head", "Ingrid", "Tanaka", "Head of IT", MEMBER),
            new Person("brand.head", "Bruno", "Castell", "Head of Brand & Reputation", MEMBER),
            new Person("insight.lead", "Ines", "Duarte", "Head of Customer Insight", MEMBER),
            new Person("digital.lead", "Daniel", "Kowalski", "Head of Digital Channels", MEMBER),
            new Person("branch.lead", "Beatriz", "Almeida", "Head of the Branch Network", MEMBER),
            new Person("compliance.lead", "Chen", "Wei", "Head of Compliance", MEMBER),
            new Person("people.lead", "Hannah", "Mueller", "Head of People (employee engagement)", MEMBER),
            new Person("ceo", "Elena", "Vasquez", "Chief Executive Officer", List.of(Groups.CEO, Groups.EMPLOYEE)),
            new Person("employee", "Eddie", "Walsh", "Branch adviser", List.of(Groups.EMPLOYEE)),
            new Person("admin", "Ada", "Admin", "Administrator", List.of(Groups.ADMIN, Groups.EMPLOYEE)));

    static final List<TouchpointRequest> TOUCHPOINTS = List.of(
            touchpoint("call-centre-script", "Call-centre script", EXTERNAL_DIRECT, "Phone", EXPERIENCE, 5,
                    "What agents say and ask when a customer calls, from greeting to close."),
            touchpoint("branch-greeting", "Branch greeting", EXTERNAL_DIRECT, "Branch", EXPERIENCE, 4,
                    "How a customer is welcomed and directed when entering a branch."),
            touchpoint("mobile-app-onboarding", "Mobile-app onboarding", EXTERNAL_DIRECT, "Mobile app", BUY, 5,
                    "Sign-up, identity check and first steps in the mobile banking app."),
            touchpoint("complaint-handling", "Complaint handling", EXTERNAL_DIRECT, "Phone, branch and online",
                    EXPERIENCE, 5, "Taking, tracking and resolving customer complaints on every channel."),
            touchpoint("online-account-opening", "Online account opening", EXTERNAL_DIRECT, "Web", BUY, 5,
                    "Opening a current or savings account on the website."),
            touchpoint("website-product-pages", "Website product pages", EXTERNAL_DIRECT, "Web", EVALUATE, 4,
                    "Product descriptions, rates and comparisons on the public website."),
            touchpoint("relationship-manager-review", "Relationship-manager review", EXTERNAL_DIRECT,
                    "In person", BOND, 4, "The yearly portfolio review of wealth-management clients."),
            touchpoint("business-loan-application", "Business loan application", EXTERNAL_DIRECT,
                    "Branch and relationship manager", BUY, 4, "Applying for and being granted a business loan."),
            touchpoint("social-media-care", "Social-media customer care", EXTERNAL_DIRECT, "Social media",
                    ADVOCATE, 3, "Answering customers' questions and complaints on social networks."),
            touchpoint("atm-experience", "ATM experience", EXTERNAL_DIRECT, "ATM", EXPERIENCE, 3,
                    "Screens, messages and receipts at the bank's cash machines."),
            touchpoint("brand-advertising", "Brand advertising", EXTERNAL_DIRECT, "Mass media", CONSIDER, 3,
                    "Television, outdoor and online campaigns for the bank's brand."),
            touchpoint("statement-letter", "Monthly statement letter", EXTERNAL_INDIRECT, "Post", EXPERIENCE, 3,
                    "The account statement customers receive each month."),
            touchpoint("card-packaging", "Card packaging", EXTERNAL_INDIRECT, "Post", EXPERIENCE, 2,
                    "The envelope, carrier and leaflets a new card arrives in."),
            touchpoint("card-delivery", "Delivery of cards", EXTERNAL_INDIRECT, "Courier and post", EXPERIENCE, 3,
                    "Getting a new or replacement card to the customer, and tracking it."),
            touchpoint("fee-schedule", "Fee schedule and terms", EXTERNAL_INDIRECT, "Documents", EVALUATE, 2,
                    "The price list and terms and conditions of the bank's products."),
            touchpoint("sms-alerts", "Transaction SMS alerts", EXTERNAL_INDIRECT, "SMS", EXPERIENCE, 3,
                    "Text messages sent on payments, withdrawals and suspicious activity."),
            touchpoint("it-help-desk-branches", "IT help desk for branch staff", INTERNAL, "Service desk",
                    EXPERIENCE, 3, "IT support for branch advisers, who serve customers with its tools."),
            touchpoint("operations-service-handoff", "Operations hand-off to service", INTERNAL,
                    "Internal workflow", EXPERIENCE, 4,
                    "How back-office operations pass cases and answers to customer service."),
            touchpoint("product-launch-briefing", "Product-launch briefing to the front line", INTERNAL,
                    "Intranet and team meetings", CONSIDER, 3,
                    "What front-line staff learn about a new product before customers ask about it."),
            touchpoint("customer-insight-report", "Customer-insight report", INTERNAL, "Intranet", BOND, 2,
                    "The monthly report on customer behaviour shared with every function."));

    private final People people;
    private final DivisionRepository divisions;
    private final FunctionService functions;
    private final TouchpointService touchpoints;

    DemoOrganisation(People people, DivisionRepository divisions, FunctionService functions,
            TouchpointService touchpoints) {
        this.people = people;
        this.divisions = divisions;
        this.functions = functions;
        this.touchpoints = touchpoints;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (divisions.count() > 0) {
            LOG.info("Demo organisation: already seeded, left as it is");
            return;
        }
        // A user that exists is left as it is, so a failed seeding is simply run again.
        people.ensureDemoUsers(PEOPLE.stream().map(person -> new People.NewUser(person.id(), person.firstName(),
                person.lastName(), person.id() + "@demo-bank.example")).toList(), STORED_PASSWORD);
        for (Person person : PEOPLE) {
            person.groups().forEach(group -> people.addMember(person.id(), group));
        }
        DIVISIONS.forEach(d -> divisions.save(new Division(d.code(), d.name(), d.head())));
        FUNCTIONS.forEach(f -> functions.create(new FunctionRequest(f.code(), f.name(), f.division(), f.head())));
        TOUCHPOINTS.forEach(touchpoints::create);
        LOG.info("Demo organisation seeded: {} people, {} divisions, {} functions, {} touchpoints; password '{}'",
                PEOPLE.size(), DIVISIONS.size(), FUNCTIONS.size(), TOUCHPOINTS.size(), PASSWORD);
    }

    private static TouchpointRequest touchpoint(String code, String name, TouchpointKind kind, String channel,
            JourneyStage stage, int priority, String description) {
        return new TouchpointRequest(code, name, description, kind, channel, stage, priority);
    }
}
