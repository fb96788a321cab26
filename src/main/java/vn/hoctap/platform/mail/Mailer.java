package vn.hoctap.platform.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;

/**
 * Sends plain-text e-mail in UTF-8 through the SMTP server the platform is configured with
 * ({@code HOCTAP_MAIL_HOST}, port, user, password, sender, STARTTLS). Without a host, the
 * platform has no e-mail and notifications stay in the app.
 */
@ApplicationScoped
public class Mailer {

    @Inject
    @ConfigProperty(name = "hoctap.mail.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "hoctap.mail.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "hoctap.mail.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "hoctap.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "hoctap.mail.from", defaultValue = "hoctap@localhost")
    String from;

    @Inject
    @ConfigProperty(name = "hoctap.mail.starttls", defaultValue = "false")
    boolean starttls;

    private volatile Session session;

    public boolean isConfigured() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    /** One SMTP connection for a batch of messages (cheaper than a connection per message). */
    public final class Connection implements AutoCloseable {

        private final Transport transport;

        private Connection() throws MessagingException {
            transport = session().getTransport("smtp");
            if (user.filter(u -> !u.isBlank()).isPresent()) {
                transport.connect(host.orElseThrow(), port, user.orElseThrow(), password.orElse(""));
            } else {
                transport.connect();
            }
        }

        public void send(String to, String subject, String text) throws MessagingException {
            MimeMessage m = message(to, subject, text);
            transport.sendMessage(m, m.getAllRecipients());
        }

        @Override
        public void close() throws MessagingException {
            transport.close();
        }
    }

    public Connection connect() throws MessagingException {
        return new Connection();
    }

    private MimeMessage message(String to, String subject, String text) throws MessagingException {
        MimeMessage m = new MimeMessage(session());
        try {
            m.setFrom(new InternetAddress(from, "Học tập Sơn La", "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        m.setSentDate(new Date());
        m.saveChanges();
        return m;
    }

    private Session session() {
        if (session == null) {
            Properties p = new Properties();
            p.put("mail.smtp.host", host.orElseThrow());
            p.put("mail.smtp.port", Integer.toString(port));
            p.put("mail.smtp.connectiontimeout", "10000");
            p.put("mail.smtp.timeout", "20000");
            p.put("mail.smtp.writetimeout", "20000");
            p.put("mail.smtp.starttls.enable", Boolean.toString(starttls));
            boolean auth = user.filter(u -> !u.isBlank()).isPresent();
            p.put("mail.smtp.auth", Boolean.toString(auth));
            session = auth ? Session.getInstance(p, new jakarta.mail.Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user.orElseThrow(), password.orElse(""));
                }
            }) : Session.getInstance(p);
        }
        return session;
    }
}
