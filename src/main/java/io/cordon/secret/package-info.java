/** The register of trade secrets: metadata only (code, title, classification, owner, where held, measures), never the secret itself. */
package io.cordon.secret;
