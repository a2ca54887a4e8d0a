/**
 * Benchmarks and load harnesses. Each one measures Vigil's path next to a baseline in the same run and prints
 * the ratio, so that figures stay comparable across machines. Figures and commands live in docs/benchmarks.md.
 */
package io.vigil.benchmarks;
