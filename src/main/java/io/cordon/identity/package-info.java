/** Who may do what: authentication against Camunda's identity service, Cordon's groups, their authorizations and Tasklist filters. */
package io.cordon.identity;
