/** Cross-cutting plumbing every module relies on: problem details for errors, database start-up checks, engine settings. */
package io.cordon.platform;
