/** The register of commercial partners, their contacts and their status (an explicit state machine), risk tier and re-certification date. */
package io.cordon.partner;
