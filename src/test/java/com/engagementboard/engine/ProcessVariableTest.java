package com.engagementboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.pvm.runtime.ExecutionImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The typed handle on real (in-memory) executions of the engine: a process instance and a child execution
 * under it, as a multi-instance body or a subprocess has.
 */
class ProcessVariableTest {

    private static final ProcessVariable<Long> ITEM_ID = ProcessVariable.longNumber("itemId");
    private static final ProcessVariable<Integer> POSITION = ProcessVariable.integer("itemPosition");
    private static final ProcessVariable<String> COMMENT = ProcessVariable.string("voteComment");
    private static final ProcessVariable<Date> ENDS_AT = ProcessVariable.date("meetingEndsAt");
    private static final ProcessVariable<Boolean> ESCALATED = ProcessVariable.bool("escalated");
    private static final ProcessVariable<List<Long>> ITEMS = ProcessVariable.listOf("agendaItems", Long.class);

    private ExecutionImpl instance;
    private ExecutionImpl child;

    @BeforeEach
    void anInstanceWithAChildExecution() {
        instance = new ExecutionImpl() {
            @Override
            public String getBusinessKey() {
                return "meeting-7"; // the in-memory execution's own getter asks itself again, forever
            }
        };
        instance.setProcessInstance(instance);
        child = instance.createExecution();
    }

    @Test
    void readsWhatItWroteByTheNameItDeclares() {
        COMMENT.set(instance, "Agreed");
        assertThat(COMMENT.name()).isEqualTo("voteComment");
        assertThat(instance.getVariable("voteComment")).isEqualTo("Agreed");
        assertThat(COMMENT.get(instance)).isEqualTo("Agreed");
        assertThat(COMMENT.require(child)).isEqualTo("Agreed");
        assertThat(COMMENT).hasToString("voteComment (String)");
    }

    @Test
    void aMissingVariableIsNullToGetAndNamedByRequire() {
        assertThat(ITEM_ID.get(child)).isNull();
        assertThatThrownBy(() -> ITEM_ID.require(child))
                .isInstanceOf(ProcessVariable.InvalidVariableException.class)
                .hasMessage("Process variable 'itemId' (Long) is missing (meeting-7)")
                .satisfies(e -> assertThat(((ProcessVariable.InvalidVariableException) e).variable()).isEqualTo("itemId"));
        COMMENT.set(instance, null);
        assertThatThrownBy(() -> COMMENT.require(instance)).hasMessageStartingWith("Process variable 'voteComment' "
                + "(String) is missing");
    }

    @Test
    void aVariableOfAnotherTypeIsRefusedInWordsNotWithAClassCastException() {
        instance.setVariable("voteComment", 42);
        assertThatThrownBy(() -> COMMENT.get(child))
                .isInstanceOf(ProcessVariable.InvalidVariableException.class)
                .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class)
                .hasMessage("Process variable 'voteComment' must be a String, but is an Integer ('42') (meeting-7)");
        instance.setVariable("itemId", "12");
        assertThatThrownBy(() -> ITEM_ID.require(instance))
                .hasMessageStartingWith("Process variable 'itemId' must be a Long, but is a String ('12')");
        instance.setVariable("escalated", "yes");
        assertThatThrownBy(() -> ESCALATED.get(instance)).hasMessageContaining("must be a Boolean");
        instance.setVariable("meetingEndsAt", "tomorrow");
        assertThatThrownBy(() -> ENDS_AT.get(instance)).hasMessageContaining("must be a Date, but is a String");
    }

    @Test
    void aLongValueIsTooLongToShowWhole() {
        instance.setVariable("itemId", "x".repeat(500));
        assertThatThrownBy(() -> ITEM_ID.get(instance)).hasMessageContaining("('" + "x".repeat(60) + "...')");
    }

    @Test
    void wholeNumbersConvertWhicheverNumberTypeTheEngineStored() {
        for (Number stored : List.<Number>of(12, 12L, (short) 12, (byte) 12, 12.0, new BigDecimal("12.00"))) {
            instance.setVariable("itemId", stored);
            instance.setVariable("itemPosition", stored);
            assertThat(ITEM_ID.require(instance)).isEqualTo(12L);
            assertThat(POSITION.require(instance)).isEqualTo(12);
        }
    }

    @Test
    void numbersThatAreNotWholeOrDoNotFitAreRefused() {
        instance.setVariable("itemId", 2.5);
        assertThatThrownBy(() -> ITEM_ID.get(instance)).hasMessageStartingWith(
                "Process variable 'itemId' must be a Long, but is a Double ('2.5')");
        instance.setVariable("itemPosition", Long.MAX_VALUE);
        assertThatThrownBy(() -> POSITION.get(instance)).hasMessageStartingWith(
                "Process variable 'itemPosition' must be an Integer, but is a Long");
        instance.setVariable("itemPosition", Double.NaN);
        assertThatThrownBy(() -> POSITION.get(instance)).hasMessageContaining("must be an Integer");
    }

    @Test
    void listsConvertTheirEntriesAndRefuseAForeignOne() {
        instance.setVariable("agendaItems", List.of(3, 4L));
        assertThat(ITEMS.require(instance)).containsExactly(3L, 4L);
        instance.setVariable("agendaItems", List.of(3L, "four"));
        assertThatThrownBy(() -> ITEMS.get(instance)).hasMessageStartingWith(
                "Process variable 'agendaItems' must be a List<Long>, but is a");
        instance.setVariable("agendaItems", "3,4");
        assertThatThrownBy(() -> ITEMS.get(instance)).hasMessageContaining("must be a List<Long>, but is a String");
    }

    @Test
    void localReadsAndWritesStayOnTheScopeItself() {
        ITEM_ID.set(instance, 1L);
        ITEM_ID.setLocal(child, 2L);
        assertThat(ITEM_ID.get(child)).isEqualTo(2L);
        assertThat(ITEM_ID.getLocal(child)).isEqualTo(2L);
        assertThat(ITEM_ID.get(instance)).isEqualTo(1L);

        COMMENT.set(instance, "the instance's");
        assertThat(COMMENT.get(child)).isEqualTo("the instance's");
        assertThat(COMMENT.getLocal(child)).isNull();
        assertThatThrownBy(() -> COMMENT.requireLocal(child)).hasMessageStartingWith(
                "Process variable 'voteComment' (String) is missing");

        // A write that is not local lands where the variable already is: on the instance.
        COMMENT.set(child, "changed");
        assertThat(instance.getVariableLocal("voteComment")).isEqualTo("changed");
        assertThat(child.hasVariableLocal("voteComment")).isFalse();
        COMMENT.remove(child);
        assertThat(instance.hasVariable("voteComment")).isFalse();
    }

    @Test
    void valuesReadElsewhereAndMapsOfVariablesUseTheSameType() {
        assertThat(ITEM_ID.valueOf(7)).isEqualTo(7L);
        assertThat(ITEM_ID.valueOf(null)).isNull();
        assertThatThrownBy(() -> ITEM_ID.valueOf("7")).hasMessage(
                "Process variable 'itemId' must be a Long, but is a String ('7')");

        VariableMap variables = Variables.createVariables();
        assertThat(COMMENT.set(ITEM_ID.set(variables, 7L), "Agreed")).isSameAs(variables);
        assertThat(variables).containsEntry("itemId", 7L).containsEntry("voteComment", "Agreed");
    }

    @Test
    void untypedGivesTheAnswerAsStoredForAFormsOwnCheck() {
        instance.setVariable("voteComment", 42);
        assertThat(COMMENT.untyped(child)).isEqualTo(42);
    }

    @Test
    void theEnginesMultiInstanceCountIsAnInteger() {
        instance.setVariable("nrOfInstances", 5);
        assertThat(ProcessVariable.NR_OF_INSTANCES.require(instance)).isEqualTo(5);
    }
}
