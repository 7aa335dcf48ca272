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
        assertThat(functions.findAllByOrderByName()).extracting(BusinessFunction::getCode)
                .containsExactlyInAnyOrder("marketing", "communications", "sales", "service", "operations", "product",
                        "it", "brand");
        assertThat(touchpoints.findAll().stream().collect(Collectors.groupingBy(Touchpoint::getKind,
                Collectors.counting()))).containsOnlyKeys(Arrays.asList(TouchpointKind.values()))
                .allSatisfy((kind, count) -> assertThat(count).isGreaterThanOrEqualTo(4));
        assertThat(touchpoints.count()).isEqualTo(20);
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
        for (BusinessFunction function : functions.findAll()) {
            assertThat(people.membersOf(Groups.head(function.getCode())))
                    .as(function.getCode()).containsExactly(function.getCode() + ".head");
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

        demo.run(null);

        assertThat(divisions.count()).isEqualTo(3);
        assertThat(functions.count()).isEqualTo(8);
        assertThat(touchpoints.count()).isEqualTo(20);
        assertThat(identity.createUserQuery().count()).isEqualTo(users);
        assertThat(identity.createUserQuery().memberOfGroup(Groups.BOARD_MEMBER).count()).isEqualTo(memberships);
    }
}
