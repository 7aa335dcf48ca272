package com.engagementboard.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;

/** Camunda's password-policy rules in words a person can act on. */
public final class PasswordPolicyText {

    /** The message Camunda's identity service refuses a password with that breaks the policy. */
    public static final String CAMUNDA_REFUSAL = "Password does not match policy";

    private PasswordPolicyText() {
    }

    /** For example "at least 10 characters, 1 upper-case letter, 1 digit". */
    public static String describe(List<? extends PasswordPolicyRule> rules) {
        return rules.stream().map(PasswordPolicyText::describe).collect(Collectors.joining(", "));
    }

    private static String describe(PasswordPolicyRule rule) {
        Map<String, String> parameters = rule.getParameters() == null ? Map.of() : rule.getParameters();
        String suffix = rule.getPlaceholder().substring(rule.getPlaceholder().lastIndexOf('_') + 1);
        return switch (rule.getPlaceholder().replace("PASSWORD_POLICY_", "")) {
            case "LENGTH" -> "at least " + parameters.get("minLength") + " characters";
            case "LOWERCASE" -> parameters.get("minLowerCase") + " lower-case letter(s)";
            case "UPPERCASE" -> parameters.get("minUpperCase") + " upper-case letter(s)";
            case "DIGIT" -> parameters.get("minDigit") + " digit(s)";
            case "SPECIAL" -> parameters.get("minSpecial") + " special character(s)";
            case "USER_DATA" -> "not the user's id, name or e-mail";
            default -> suffix.toLowerCase() + " " + parameters;
        };
    }
}
