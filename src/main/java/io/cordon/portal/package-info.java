/**
 * The partner portal: requests answered by a partner's contacts through expiring single-use links, without an
 * account. A link is a capability (a random token, stored only as its SHA-256, scoped to one request of one contact);
 * the page shows only what the partner needs; a submission is kept as hashed and acknowledged with a receipt (its
 * SHA-256 and its position in the evidence chain). Process modules supply the request types ({@link
 * io.cordon.portal.PartnerRequestType}).
 */
package io.cordon.portal;
