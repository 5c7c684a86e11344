/**
 * Module stores: the {@link dev.gosync.gomod.store.ModuleSource} interface every reader of
 * modules speaks, the {@code .info} value, and the directory in GOPROXY file layout that serves
 * as download cache and mirror.
 */
package dev.gosync.gomod.store;
