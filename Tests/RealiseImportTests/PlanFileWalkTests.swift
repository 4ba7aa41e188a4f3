import Foundation
import Testing
@testable import RealiseImport
import RealiseModel

/// `PlanFileWalk`: only regular files are opened; special files, link loops and links out of the folder are
/// passed over with a warning each; unreadable files are an error naming them.
@Suite("the folder walk")
struct PlanFileWalkTests {
    static let register = "Benefit ID,Description\nBEN-1,Shorter journeys\n"

    @Test("a named pipe is skipped with a warning, never opened (sockets: the CLI test)")
    func specialFiles() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try folder.write("register.csv", Self.register)
        #expect(mkfifo(folder.path + "/pipe.csv", 0o644) == 0)
        // Opening the pipe would wait for a writer forever: the walk returning at all shows it was not opened.
        let walk = try PlanFileWalk(paths: [folder.path])
        #expect(walk.files.map { ($0 as NSString).lastPathComponent } == ["register.csv"])
        #expect(walk.warnings.count == 1, "\(walk.warnings)")
        let pipe = try #require(walk.warnings.first { $0.path.hasSuffix("/pipe.csv") })
        #expect(pipe.severity == .warning && pipe.message.contains("named pipe"), "\(pipe)")
    }

    @Test("a special file named directly is an error naming it (exit 66)")
    func specialFileNamed() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let pipe = folder.path + "/pipe.csv"
        #expect(mkfifo(pipe, 0o644) == 0)
        let error = try #require(importError { try PlanFileWalk(paths: [pipe]) })
        #expect(error.isMissingInput)
        #expect(error.description.contains(pipe) && error.description.contains("named pipe"), "\(error)")
    }

    @Test("links: a loop and a link out of the folder are reported, not followed; a file reached twice is read once")
    func links() throws {
        let folder = try TempFolder(), outside = try TempFolder()
        defer { folder.remove(); outside.remove() }
        try folder.write("register.csv", Self.register)
        try folder.write("sub/more.csv", Self.register)
        try outside.write("secret.csv", Self.register)
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: folder.path + "/sub/loop", withDestinationPath: folder.path)
        try manager.createSymbolicLink(atPath: folder.path + "/out", withDestinationPath: outside.path)
        try manager.createSymbolicLink(atPath: folder.path + "/a-copy.csv", withDestinationPath: "register.csv")
        try manager.createSymbolicLink(atPath: folder.path + "/broken.csv", withDestinationPath: "nothing-here.csv")
        try manager.createSymbolicLink(atPath: folder.path + "/linked", withDestinationPath: "sub")
        let walk = try PlanFileWalk(paths: [folder.path])
        #expect(walk.files.map { $0.replacingOccurrences(of: ImporterRegistry.canonical(folder.path) + "/", with: "") }
                == ["register.csv", "sub/more.csv"])
        let messages = Dictionary(uniqueKeysWithValues: walk.warnings.map { (($0.path as NSString).lastPathComponent, $0.message) })
        #expect(Set(messages.keys) == ["loop", "out", "broken.csv", "linked"], "\(walk.warnings)")
        #expect(messages["loop"]?.contains("loop") == true)
        #expect(messages["out"]?.contains("out of the folder") == true)
        #expect(messages["broken.csv"]?.contains("broken") == true)
        #expect(messages["linked"]?.contains("read by its own path") == true)
        #expect(!walk.files.contains { $0.contains("secret") })
    }

    @Test("a link inside the folder to a folder read by no other path is followed")
    func linkFollowed() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try folder.write(".hidden/plan.csv", Self.register)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/plans", withDestinationPath: ".hidden")
        let walk = try PlanFileWalk(paths: [folder.path])
        #expect(walk.files.map { ($0 as NSString).lastPathComponent } == ["plan.csv"])
        #expect(walk.files.first?.hasSuffix("/plans/plan.csv") == true)
        #expect(walk.warnings.isEmpty)
    }

    @Test("a file that changes between its fingerprint and the end of its read fails the import, naming it")
    func changedWhileRead() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("register.csv", Self.register)
        let unit = try ImporterRegistry.standard.importUnit(path: path)
        try folder.write("register.csv", Self.register + "BEN-2,Cleaner air\n")
        let error = try #require(importError { try unit.load() })
        #expect(error.isMissingInput)
        #expect(error.description.contains("register.csv") && error.description.contains("changed while it was being read"), "\(error)")
        // Unchanged since it was fingerprinted: read as usual.
        #expect(try ImporterRegistry.standard.importUnit(path: path).load().plan.benefits.count == 2)
    }
}
