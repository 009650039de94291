package vigil.bench.load;

import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.apache.flink.runtime.checkpoint.OperatorState;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.checkpoint.metadata.CheckpointMetadata;
import org.apache.flink.runtime.state.KeyedStateHandle;
import org.apache.flink.runtime.state.StateObject;
import org.apache.flink.runtime.state.changelog.ChangelogStateBackendHandle;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The latest checkpoint a cancelled job retained ({@code <checkpoint dir>/<job id>/chk-N/_metadata}) and
 * the size of what restoring it loads, from its metadata: the full state size and the checkpointed size
 * (what that checkpoint uploaded) as Flink's statistics count them, and, with the changelog state
 * backend, the keyed state split into the materialized RocksDB state and the changelog on top of it.
 */
public record RetainedCheckpoint(long id, Path path, long stateSize, long checkpointedSize, long materializedSize,
                                 long changelogSize) {

    /** The retained checkpoint with the highest number under {@code checkpointDirectory}, if any. */
    public static Optional<RetainedCheckpoint> latest(Path checkpointDirectory) throws IOException {
        if (!Files.isDirectory(checkpointDirectory)) {
            return Optional.empty();
        }
        Optional<Path> latest;
        try (Stream<Path> jobs = Files.list(checkpointDirectory)) {
            latest = jobs.filter(Files::isDirectory).flatMap(RetainedCheckpoint::checkpoints)
                    .filter(chk -> Files.exists(chk.resolve("_metadata")))
                    .max(Comparator.comparingLong(RetainedCheckpoint::number));
        }
        return latest.isEmpty() ? Optional.empty() : Optional.of(read(latest.get()));
    }

    /** Reads the sizes from the metadata of checkpoint directory {@code chk}. */
    public static RetainedCheckpoint read(Path chk) throws IOException {
        CheckpointMetadata metadata;
        try (InputStream in = Files.newInputStream(chk.resolve("_metadata"))) {
            metadata = Checkpoints.loadCheckpointMetadata(new DataInputStream(in),
                    RetainedCheckpoint.class.getClassLoader(), chk.toUri().toString());
        }
        long state = 0;
        long checkpointed = 0;
        long materialized = 0;
        long changelog = 0;
        for (OperatorState operator : metadata.getOperatorStates()) {
            state += operator.getStateSize();
            checkpointed += operator.getCheckpointedSize();
            for (OperatorSubtaskState subtask : operator.getStates()) {
                for (KeyedStateHandle keyed : subtask.getManagedKeyedState()) {
                    if (keyed instanceof ChangelogStateBackendHandle handle) {
                        materialized += size(handle.getMaterializedStateHandles().stream());
                        changelog += size(handle.getNonMaterializedStateHandles().stream());
                    }
                }
            }
        }
        return new RetainedCheckpoint(metadata.getCheckpointId(), chk, state, checkpointed, materialized, changelog);
    }

    /** Bytes in the files under {@code directory} (0 if it does not exist): e.g. the changelog's files on disk. */
    public static long bytesUnder(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static long size(Stream<? extends StateObject> handles) {
        return handles.mapToLong(StateObject::getStateSize).sum();
    }

    private static Stream<Path> checkpoints(Path jobDirectory) {
        try (Stream<Path> children = Files.list(jobDirectory)) {
            return children.filter(p -> p.getFileName().toString().matches("chk-\\d+")).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static long number(Path chk) {
        return Long.parseLong(chk.getFileName().toString().substring("chk-".length()));
    }
}
