package vn.hoctap.library.extract;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * A few extraction processes ({@link ExtractionWorker}), each used for one file at a time and
 * replaced when it hangs past the time limit, dies, or has served many files. The application's
 * heap never sees the parsers.
 */
public final class ExtractorPool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ExtractorPool.class.getName());

    public record Settings(List<String> javaCommand, String classpath, int processes, Duration timeout,
                           int maxFilesPerProcess) {
    }

    private final Settings settings;
    private final BlockingQueue<Slot> slots;
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean closed;

    public ExtractorPool(Settings settings) {
        this.settings = settings;
        this.slots = new ArrayBlockingQueue<>(settings.processes());
        for (int i = 0; i < settings.processes(); i++) {
            slots.add(new Slot());
        }
    }

    /** Extracts the text of {@code file} into {@code textOut}; never throws for a bad file. */
    public ExtractionResult extract(Path file, Path textOut, int maxChars) throws InterruptedException {
        Slot slot = slots.take();
        try {
            return slot.run(file, textOut, maxChars);
        } finally {
            slots.add(slot);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Slot slot : slots) {
            slot.stop();
        }
    }

    /** One place in the pool: a process, started when needed. */
    private final class Slot {
        private Process process;
        private BufferedWriter requests;
        private BlockingQueue<String> answers;
        private int served;

        ExtractionResult run(Path file, Path textOut, int maxChars) throws InterruptedException {
            if (closed) {
                return ExtractionResult.failure("crashed", "shutting down");
            }
            try {
                ensureStarted();
                String id = Long.toString(ids.incrementAndGet());
                requests.write(id + "\t" + file.toAbsolutePath() + "\t" + textOut.toAbsolutePath() + "\t" + maxChars + "\n");
                requests.flush();
                String answer = answers.poll(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
                if (answer == null) {
                    LOG.warning(() -> "Extraction of " + file.getFileName() + " took longer than " + settings.timeout()
                            .toSeconds() + " s: process killed");
                    stop();
                    return ExtractionResult.failure("timeout", "longer than " + settings.timeout().toSeconds() + " s");
                }
                if (answer.equals(EOF)) {
                    stop();
                    return ExtractionResult.failure("crashed", "the extraction process died (out of memory?)");
                }
                if (++served >= settings.maxFilesPerProcess()) {
                    stop(); // a fresh process now and then: no slow leaks
                }
                return parse(answer);
            } catch (IOException e) {
                stop();
                return ExtractionResult.failure("crashed", e.getMessage());
            }
        }

        private void ensureStarted() throws IOException, InterruptedException {
            if (process != null && process.isAlive()) {
                return;
            }
            List<String> command = new ArrayList<>(settings.javaCommand());
            command.addAll(List.of("-cp", settings.classpath(), ExtractionWorker.class.getName()));
            process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
            answers = new LinkedBlockingQueue<>();
            served = 0;
            BlockingQueue<String> queue = answers;
            BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            Thread pump = new Thread(() -> {
                try {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        queue.add(line);
                    }
                } catch (IOException ignored) {
                    // the process is gone
                }
                queue.add(EOF);
            }, "extraction-reader");
            pump.setDaemon(true);
            pump.start();
            String ready = answers.poll(60, TimeUnit.SECONDS);
            if (ready == null || !ready.contains("ready")) {
                stop();
                throw new IOException("the extraction process did not start");
            }
        }

        void stop() {
            if (process != null) {
                process.destroyForcibly();
                process = null;
            }
        }
    }

    private static final String EOF = "\u0000EOF";

    static ExtractionResult parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            Map<String, String> meta = new LinkedHashMap<>();
            JsonObject m = o.getJsonObject("meta");
            if (m != null) {
                for (Map.Entry<String, JsonValue> e : m.entrySet()) {
                    meta.put(e.getKey(), m.getString(e.getKey()));
                }
            }
            return new ExtractionResult(o.getString("status"), o.getJsonNumber("chars").longValue(),
                    o.getBoolean("truncated"), meta, o.getString("error", null));
        }
    }
}
