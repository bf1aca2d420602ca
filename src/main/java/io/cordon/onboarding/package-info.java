/** BPMN glue for partner onboarding: thin delegates over one service that calls the register, NDA and disclosure modules. */
package io.cordon.onboarding;
