import Foundation

/// Plan text written to a file for a test to import.
public enum PlanFile {
    /// `text` written as `name` in a fresh temporary folder of its own (so a report naming the file by its name alone
    /// stays the same from run to run); returns the file's path.
    public static func write(_ text: String, name: String = "plan.xml", folderPrefix: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(folderPrefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
