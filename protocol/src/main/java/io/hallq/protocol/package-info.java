/** The wire contract shared by the controller, displays and central systems. No I/O. */
package io.hallq.protocol;
