// Jest 30 takes `testTimeout` from the top-level configuration only and ignores it inside a
// project, so the int and e2e projects set theirs here. Starting a real app (and loading the demo
// plan) takes 1–2 s alone and far longer beside a full run on two cores; Jest's 5 s default then
// fails a hook that is merely slow. Tests that measure time compare CPU or order, never this limit.
jest.setTimeout(30_000);
