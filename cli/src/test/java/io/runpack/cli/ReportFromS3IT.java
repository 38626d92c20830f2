package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.testsupport.LocalAws;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code runpack report s3://…} of the example run exported to S3 (S3Mock): read in place as {@code
 * verify} reads it, and the page in headless Chromium is the same page as from disk but for where
 * it was read from.
 */
class ReportFromS3IT {

  @TempDir Path temp;

  @Test
  void aRunpackInS3IsReportedInPlace() throws Exception {
    Chromium chromium = Chromium.require();
    S3Client s3 = LocalAws.s3();
    String bucket = LocalAws.newBucket(s3);
    String endpoint = LocalAws.stack().s3Endpoint().toString();
    Map<String, String> env = new HashMap<>(AwsCommandsIT.CREDENTIALS);
    env.put("AWS_ENDPOINT_URL_S3", endpoint);
    CliProcess.Result exported =
        CliProcess.run(
            temp,
            env,
            new byte[0],
            "export",
            "--request",
            Reports.EXAMPLE_REQUEST.toString(),
            "--runs",
            Reports.EXAMPLES.resolve("runs").toString(),
            "--bucket",
            bucket);
    assertEquals(0, exported.exitCode(), exported.stderr());
    String out = exported.out();
    String uri = out.substring(out.indexOf("\"storage_uri\":\"") + 15, out.lastIndexOf('"'));

    CliProcess.Result fromS3 =
        CliProcess.run(
            temp,
            AwsCommandsIT.CREDENTIALS,
            new byte[0],
            "report",
            uri,
            "--endpoint",
            endpoint,
            "--html",
            "s3.html");
    Path local = Reports.exampleRunpack(temp);
    CliProcess.Result fromDisk =
        CliProcess.run(temp, "report", local.toString(), "--html", "disk.html");
    Chromium.Loaded s3Page = chromium.load(temp.resolve("s3.html"));
    Document disk = chromium.load(temp.resolve("disk.html")).dom();

    assertEquals(0, fromS3.exitCode(), fromS3.stderr());
    assertEquals(fromDisk.out(), fromS3.out());
    Document dom = s3Page.dom();
    assertEquals(List.of(), s3Page.requests());
    assertEquals("pass", dom.getElementById("status").text());
    assertEquals(Reports.fileRows(disk), Reports.fileRows(dom));
    assertEquals(Reports.timelineRows(disk), Reports.timelineRows(dom));
    assertEquals(disk.select("#identity dd").eachText(), dom.select("#identity dd").eachText());
    assertTrue(dom.select("footer").text().contains(uri), dom.select("footer").text());
  }
}
