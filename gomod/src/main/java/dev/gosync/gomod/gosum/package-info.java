/**
 * go.sum files: reading them as the go command does, looking up and checking the h1 hashes of
 * module zips and go.mod files, and writing them back in the go command's order.
 */
package dev.gosync.gomod.gosum;
