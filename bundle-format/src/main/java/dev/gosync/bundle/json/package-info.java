/**
 * The one JSON layout every gosync bundle document uses, so that equal content always gives
 * equal bytes, and strict access to parsed documents.
 */
package dev.gosync.bundle.json;
