package org.groundtruth.media;

import com.drew.imaging.FileType;
import com.drew.imaging.FileTypeDetector;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.jpeg.JpegSegmentMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.file.FileTypeDirectory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * metadata-extractor's reading of an image, in one pass over the file, with what it does not read itself: FLIR's
 * APP1 segments of a JPEG (GPS with its reference letters, camera model) as a {@link FlirDirectory}.
 */
public final class ImageMetadata {
    private static final List<JpegSegmentMetadataReader> JPEG_READERS;

    static {
        List<JpegSegmentMetadataReader> readers = new ArrayList<>();
        JpegMetadataReader.ALL_READERS.forEach(readers::add);
        readers.add(new FlirSegmentReader());
        JPEG_READERS = List.copyOf(readers);
    }

    private ImageMetadata() {
    }

    public static Metadata read(Path file) throws ImageProcessingException, IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            FileType type = FileTypeDetector.detectFileType(in);
            Metadata metadata = type == FileType.Jpeg ? JpegMetadataReader.readMetadata(in, JPEG_READERS)
                    : ImageMetadataReader.readMetadata(in, Files.size(file), type);
            metadata.addDirectory(new FileTypeDirectory(type));
            return metadata;
        }
    }
}
