package com.engagementboard.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementboard.EngagementBoardTest;
import com.engagementboard.security.Groups;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@EngagementBoardTest
class DemoOrganisationTest {

    @Autowired
    DemoOrganisation demo;

    @Autowired
    IdentityService identity;

    @Autowired
    DivisionRepository divisions;

    @Autowired
    FunctionRepository functions;

    @Autowired
    TouchpointRepository touchpoints;

    @Autowired
    People people;

    @Test
    void isARetailBankWithThreeDivisionsEightFunctionsAndTwentyTouchpointsOfEveryKind() {
        assertThat(divisions.findAllByOrderByName()).extracting(Division::getName)
                .containsExactly("Business Banking", "Retail Banking", "Wealth Management");
        // Other test classes on the same database may add functions and touchpoints (an administrator may): the
        // demo's own are all there.
        assertThat(DemoOrganisation.FUNCTIONS).extracting(DemoOrganisation.FunctionSeed::code)
                .containsExactlyInAnyOrder("marketing", "communications", "sales", "service", "operations", "product",
                        "it", "brand");
        assertThat(functions.findAllByOrderByName()).extracting(BusinessFunction::getCode)
                .containsAll(DemoOrganisation.FUNCTIONS.stream().map(DemoOrganisation.FunctionSeed::code).toList());
        java.util.Set<String> demoTouchpoints = DemoOrganisation.TOUCHPOINTS.stream().map(TouchpointRequest::code)
                .collect(Collectors.toSet());
        assertThat(demoTouchpoints).hasSize(20);
        assertThat(touchpoints.findAll().stream().filter(t -> demoTouchpoints.contains(t.getCode()))
                .collect(Collectors.groupingBy(Touchpoint::getKind, Collectors.counting())))
                .containsOnlyKeys(Arrays.asList(TouchpointKind.values()))
                .allSatisfy((kind, count) -> assertThat(count).isGreaterThanOrEqualTo(4))
                .satisfies(byKind -> assertThat(byKind.values().stream().mapToLong(Long::longValue).sum())
                        .isEqualTo(20));
    }

    @Test
    void hasABoardOfSeventeenWithACoreGroupOfTheCmoAndTheDivisionHeads() {
        assertThat(people.membersOf(Groups.BOARD_MEMBER)).hasSize(17);
        assertThat(people.membersOf(Groups.BOARD_CORE))
                .containsExactlyInAnyOrder("cmo", "retail.head", "business.head", "wealth.head");
        assertThat(people.membersOf(Groups.BOARD_CHAIR)).containsExactly("cmo");
        assertThat(people.membersOf(Groups.CEO)).containsExactly("ceo");
        assertThat(people.membersOf(Groups.ADMIN)).containsExactly("admin");
        assertThat(divisions.findAllByOrderByName()).extracting(Division::getHeadUserId)
                .containsExactlyInAnyOrder("retail.head", "business.head", "wealth.head");
    }

    @Test
    void eachFunctionHeadIsTheOnlyMemberOfItsHeadGroupAndEveryoneLogsInWithDemo() {
        for (DemoOrganisation.FunctionSeed function : DemoOrganisation.FUNCTIONS) {
            assertThat(people.membersOf(Groups.head(function.code())))
                    .as(function.code()).containsExactly(function.code() + ".head");
        }
        DemoOrganisation.PEOPLE.forEach(person -> assertThat(identity.checkPassword(person.id(), "demo"))
                .as(person.id()).isTrue());
        // One precomputed hash (DemoOrganisation.STORED_PASSWORD) serves every demo user: it is "demo" and
        // still refuses any other password.
        assertThat(identity.checkPassword("cmo", "Demo")).isFalse();
        assertThat(identity.checkPassword(DemoOrganisation.PEOPLE.get(DemoOrganisation.PEOPLE.size() - 1).id(), "demo "))
                .isFalse();
        assertThat(people.membersOf(Groups.EMPLOYEE)).hasSize(DemoOrganisation.PEOPLE.size());
    }

    @Test
    void seedingAgainDuplicatesNothing() throws Exception {
        long users = identity.createUserQuery().count();
        long memberships = identity.createUserQuery().memberOfGroup(Groups.BOARD_MEMBER).count();
        long functionsBefore = functions.count();
        long touchpointsBefore = touchpoints.count();

        demo.run(null);

        assertThat(divisions.count()).isEqualTo(3);
        assertThat(functions.count()).isEqualTo(functionsBefore);
        assertThat(touchpoints.count()).isEqualTo(touchpointsBefore);
        assertThat(identity.createUserQuery().count()).isEqualTo(users);
        assertThat(identity.createUserQuery().memberOfGroup(Groups.BOARD_MEMBER).count()).isEqualTo(memberships);
    }
}
