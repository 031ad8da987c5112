// Benchmark only (bench/index-cost.ts): drops index $name, to import the same graph with and without it; returns nothing.
DROP INDEX $name IF EXISTS
