import Glibc
import CSystemd

/// Sockets passed by socket activation (wraps `sd_listen_fds_with_names(3)`).
public enum ListenFileDescriptors {
    /// The fd named `name` (`FileDescriptorName=`), or the only passed fd when it has no name, or nil
    /// when none was passed to this process (LISTEN_PID is checked by libsystemd). The LISTEN_*
    /// variables are cleared so children do not inherit them.
    public static func take(named name: String) -> Int32? {
        var names: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        let count = sd_listen_fds_with_names(1, &names)
        defer {
            if let names {
                for i in 0..<Int(max(count, 0)) { free(names[i]) }
                free(names)
            }
        }
        guard count > 0 else { return nil }
        for i in 0..<Int(count) {
            let fdName = names?[i].map { String(cString: $0) } ?? "unknown"
            if fdName == name || (count == 1 && fdName == "unknown") {
                return SD_LISTEN_FDS_START + Int32(i)
            }
        }
        return nil
    }
}
