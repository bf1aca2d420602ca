/** NDA documents: templates, the versioned clause library, clause selection (DMN), deterministic generation, storage and rendering. */
package io.cordon.nda;
