/// Shared by the fuzz harnesses: a failed invariant stops the run with a message (libFuzzer
/// saves the input as a crash).
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError(message()) }
}
