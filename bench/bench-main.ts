// How a bench script runs: its main, and on failure the error and exit code 1 (a bench that fails must fail loudly).
export function benchMain(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
