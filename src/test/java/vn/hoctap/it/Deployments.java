package vn.hoctap.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The integration tests deploy the real WAR the build produced, libraries and all. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive war() {
        File war = new File(System.getProperty("hoctap.it.war", "target/hoctap.war"));
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }
}
