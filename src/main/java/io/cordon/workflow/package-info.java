/**
 * Engine glue shared by the process modules: each user task's and start's form contract, and the gate inside the
 * engine that lets a submission set nothing but the answer to its form.
 */
package io.cordon.workflow;
