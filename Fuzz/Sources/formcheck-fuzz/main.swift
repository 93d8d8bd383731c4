// formcheck-fuzz: libFuzzer's driver with formcheck's parsers (FuzzTarget). SwiftPM names an
// executable's entry point after the target and points main at it; this top-level code runs the
// fuzzer (LLVMFuzzerRunDriver: libFuzzer's options, corpus folders, -max_total_time, ...).
// LLVMFuzzerTestOneInput is defined too, for libFuzzer's own main, which the archive links as well.

import Foundation

/// libFuzzer's driver (compiler-rt, linked by -sanitize=fuzzer).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// One input, then back to the fuzzer.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzTarget.current.run(bytes)
    return 0
}

_ = FuzzTarget.current  // an unknown target stops the run before fuzzing starts
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
let status = LLVMFuzzerRunDriver(&argc, &argv, testOneInput)
exit(status)
