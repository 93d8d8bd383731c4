import ArgumentParser

struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "record", abstract: "Record a motion sensor to an evemu file.")
    func run() async throws {}
}
