package cn.chanjiao.application.programme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Creates or replaces a programme.
 *
 * @param definition the whole rule set
 * @param published  whether applicants see it and may apply
 */
public record SaveProgrammeRequest(@NotNull @Valid ProgrammeDefinition definition, boolean published) {
}
