package vn.hoctap.library;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ThumbnailsTest {

    static ByteArrayInputStream png(int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", out);
        return new ByteArrayInputStream(out.toByteArray());
    }

    @Test
    void aPhotoIsScaledToTheWidthKeepingItsShape() throws IOException {
        BufferedImage t = Thumbnails.scaled(png(4000, 3000), 480);
        assertEquals(480, t.getWidth());
        assertEquals(360, t.getHeight());
    }

    @Test
    void aSmallImageIsNotEnlargedAndAVeryTallOneKeepsItsTop() throws IOException {
        BufferedImage t = Thumbnails.scaled(png(200, 5000), 480);
        assertEquals(200, t.getWidth());
        assertEquals(600, t.getHeight(), "at most three times as tall as wide");
    }

    @Test
    void whatIsNotAnImageGivesNothing() throws IOException {
        assertNull(Thumbnails.scaled(new ByteArrayInputStream("%PDF-1.4 không phải ảnh".getBytes()), 480));
    }
}
