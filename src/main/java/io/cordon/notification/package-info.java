/**
 * E-mail notifications (reminders, escalations, notices): a transactional outbox filled in the caller's transaction
 * and a sweep that sends each message once, from any node, with a Message-ID derived from its idempotency key.
 */
package io.cordon.notification;
