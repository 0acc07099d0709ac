import Foundation

/// Photo captions: `FILE PHOTO: … REUTERS/Name`, `… REUTERS/Kevin Lamarque/File Photo`, agency credits.
enum Captions {
    static let prefixes = ["FILE PHOTO:", "File photo:", "PHOTO:", "Photo:", "Image:", "Picture:", "Caption:", "Pictured:"]
    static let credits = [
        "REUTERS", "Getty Images", "AP Photo", "/AFP", "AFP via", "(AFP)", "EPA-EFE", "/EPA", "Photograph:",
        "(Photo:", "Photo by ", "/Shutterstock", "/Alamy", "ANADOLU", "/Bloomberg", "/Sputnik",
    ]

    /// Whether the line is a caption rather than a paragraph.
    static func isCaption(_ line: String) -> Bool {
        for prefix in prefixes where line.hasPrefix(prefix) { return true }
        guard line.utf8.count < 400 else { return false }
        for credit in credits where line.contains(credit) {
            if credit == "REUTERS" {
                // The agency in capitals is a photo credit; in a sentence it is written "Reuters".
                return true
            }
            return line.range(of: credit).map { line.distance(from: $0.lowerBound, to: line.endIndex) < 80 } ?? false
        }
        return false
    }
}
