/** Which clients may see which modules of a served mirror. */
package dev.gosync.serve.auth;
