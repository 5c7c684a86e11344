/**
 * Module stores: the {@link dev.gosync.gomod.store.ModuleSource} interface every reader of
 * modules speaks and the {@link dev.gosync.gomod.store.ModuleSink} every writer takes, the
 * {@code .info} value ({@link dev.gosync.gomod.store.RevInfo}), and the directory in GOPROXY file
 * layout that serves as download cache and mirror ({@link dev.gosync.gomod.store.LayoutStore}).
 */
package dev.gosync.gomod.store;
