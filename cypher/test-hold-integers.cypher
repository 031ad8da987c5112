// Returns how many integers it held in one list at once ($count of them): a test's way to need more heap than a small store has (tests/integration/store-out-of-memory.int.test.ts).
UNWIND range(1, $count) AS x
WITH collect(x) AS xs
RETURN size(xs) AS n
