/** The {@code @latest} answer of a mirror, by the go command's rules for the query "latest". */
package dev.gosync.serve.latest;
