/// The test doubles (scripted input, captured output, an in-memory store) for every file of
/// this test target, which need not import them one by one.
@_exported import PathwayTestSupport
