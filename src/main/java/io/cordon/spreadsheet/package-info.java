/** Reading and writing the register as Excel workbooks (.xlsx): streaming, bounded, and refusing what a person cannot see. */
package io.cordon.spreadsheet;
