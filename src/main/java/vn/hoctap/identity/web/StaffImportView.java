package vn.hoctap.identity.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.identity.staffimport.ImportJobs;
import vn.hoctap.identity.staffimport.ImportPlan;
import vn.hoctap.identity.staffimport.ImportProgress;
import vn.hoctap.identity.staffimport.ImportResult;
import vn.hoctap.identity.staffimport.SheetReader;
import vn.hoctap.identity.staffimport.StaffImportService;
import vn.hoctap.identity.staffimport.StaffSheets;
import vn.hoctap.platform.i18n.FacesMessages;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The import page: upload, a preview of every row (nothing written yet), then the import itself
 * running in the background while a progress bar polls it, and the one-time passwords of the new
 * accounts to download once.
 */
@Named
@ViewScoped
public class StaffImportView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StaffImportService imports;

    @Inject
    CurrentActor currentActor;

    @Inject
    ImportJobs jobs;

    private String fileName;
    private transient SheetReader.Sheet sheet;
    private byte[] bytes;
    private ImportPlan plan;
    private String jobId;
    private ImportResult result;

    public void upload(FileUploadEvent event) {
        reset();
        UploadedFile file = event.getFile();
        fileName = file.getFileName();
        if (file.getSize() > SheetReader.MAX_BYTES) {
            FacesMessages.error("import.error.tooLarge", SheetReader.MAX_BYTES / (1024 * 1024));
            return;
        }
        try (InputStream in = file.getInputStream()) {
            bytes = in.readNBytes(SheetReader.MAX_BYTES + 1);
            sheet = SheetReader.read(fileName, bytes);
            plan = imports.preview(currentActor.require(), fileName, bytes);
        } catch (SheetReader.Unreadable e) {
            FacesMessages.error(e.key(), e.args());
            bytes = null;
        } catch (IOException e) {
            FacesMessages.error("import.error.upload");
        }
    }

    public void start() {
        if (plan == null || !plan.canCommit() || jobId != null) {
            return;
        }
        try {
            jobId = jobs.start(currentActor.require(), plan, sheet());
        } catch (SheetReader.Unreadable e) {
            FacesMessages.error(e.key(), e.args());
        }
    }

    /** Polled by the progress bar. */
    public int getPercent() {
        return progress().map(ImportProgress::percent).orElse(0);
    }

    private Optional<ImportProgress> progress() {
        return jobs.progress(jobId);
    }

    private SheetReader.Sheet sheet() throws SheetReader.Unreadable {
        if (sheet == null) {
            sheet = SheetReader.read(fileName, bytes);
        }
        return sheet;
    }

    public void onComplete() {
        Optional<ImportProgress> progress = progress();
        if (progress.isEmpty()) {
            return;
        }
        if (progress.get().result() != null) {
            result = progress.get().result();
            FacesMessages.info("import.done", result.created(), result.updated(), result.unchanged());
        } else if (progress.get().failureKey() != null) {
            FacesMessages.error(progress.get().failureKey());
            jobId = null;
            try {
                plan = imports.planAgain(currentActor.require(), fileName, sheet());
            } catch (SheetReader.Unreadable e) {
                plan = null;
            }
        }
    }

    public boolean isRunning() {
        return jobId != null && result == null;
    }

    public StreamedContent getCredentials() {
        byte[] xlsx = StaffSheets.credentials(result == null ? List.of() : result.credentials());
        return DefaultStreamedContent.builder()
                .name("mat-khau-mot-lan.xlsx")
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .stream(() -> new ByteArrayInputStream(xlsx))
                .build();
    }

    public void reset() {
        fileName = null;
        sheet = null;
        bytes = null;
        plan = null;
        jobId = null;
        result = null;
    }

    public List<ImportPlan.Row> getPreviewRows() {
        return plan == null ? List.of() : plan.rows().stream().limit(200).toList();
    }

    public ImportPlan getPlan() {
        return plan;
    }

    public String getResultText() {
        return result == null ? "" : FacesMessages.text("admin.import.resultCounts", result.created(), result.updated(),
                result.unchanged(), result.millis() / 1000.0);
    }

    public ImportResult getResult() {
        return result;
    }

    public String getFileName() {
        return fileName;
    }

    public long count(String action) {
        return plan == null ? 0 : plan.count(ImportPlan.Action.valueOf(action));
    }
}
