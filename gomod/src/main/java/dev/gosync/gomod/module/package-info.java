/**
 * Module identities, following golang.org/x/mod/module: the naming rules for module, import and
 * file paths ({@link dev.gosync.gomod.module.ModulePath}), the {@code !} case encoding
 * ({@link dev.gosync.gomod.module.Escaping}), the GOPROXY file layout
 * ({@link dev.gosync.gomod.module.ProxyLayout}) and GOPRIVATE-style prefix globs
 * ({@link dev.gosync.gomod.module.PrefixPatterns}).
 */
package dev.gosync.gomod.module;
