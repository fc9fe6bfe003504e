package org.allmende.membership.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.allmende.events.membership.BodyKind;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The application form as the page shows it: one contact person, the address flat, and the two acknowledgements
 * §15a GenG asks of an electronic declaration. It becomes the API's {@link ApplicationForm}, which holds the rules.
 */
public class ApplicationPageForm {

    /** Where the API form's fields are on this page. */
    static final Map<String, String> FIELDS = Map.of(
            "address.street", "street",
            "address.postalCode", "postalCode",
            "address.city", "city",
            "contactPersons", "contactName",
            "contactPersons[0].name", "contactName",
            "contactPersons[0].role", "contactRole",
            "contactPersons[0].email", "contactEmail",
            "contactPersons[0].phone", "contactPhone");

    private String applicantName;
    private BodyKind bodyKind = BodyKind.MUNICIPALITY;
    private String ags;
    private String street;
    private String postalCode;
    private String city;
    private Long inhabitants;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate inhabitantsReferenceDate;

    private Integer staffCount;
    private String leitwegId;
    private String contactName;
    private String contactRole;
    private String contactEmail;
    private String contactPhone;
    private Integer requestedShares;
    private List<String> requestedServices = new ArrayList<>();
    private String statutesVersion;
    private boolean statutesAcknowledged;
    private boolean paymentObligationAcknowledged;

    ApplicationForm toApplicationForm() {
        return new ApplicationForm(
                applicantName,
                bodyKind,
                ags,
                new ApplicationForm.Address(street, postalCode, city, "DE"),
                inhabitants,
                inhabitantsReferenceDate,
                staffCount,
                leitwegId,
                List.of(new ApplicationForm.Contact(contactName, contactRole, contactEmail, contactPhone)),
                requestedShares,
                List.copyOf(requestedServices),
                statutesVersion,
                paymentObligationAcknowledged);
    }

    /** The page's field for a rule broken at {@code apiField}; an element of a list is the list's field. */
    static String pageField(String apiField) {
        if (FIELDS.containsKey(apiField)) {
            return FIELDS.get(apiField);
        }
        var element = apiField.indexOf('[');
        return element < 0 ? apiField : pageField(apiField.substring(0, element));
    }

    public String getApplicantName() {
        return applicantName;
    }

    public void setApplicantName(String applicantName) {
        this.applicantName = applicantName;
    }

    public BodyKind getBodyKind() {
        return bodyKind;
    }

    public void setBodyKind(BodyKind bodyKind) {
        this.bodyKind = bodyKind;
    }

    public String getAgs() {
        return ags;
    }

    public void setAgs(String ags) {
        this.ags = ags;
    }

    public String getStreet() {
        return street;
    }

    public void setStreet(String street) {
        this.street = street;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public Long getInhabitants() {
        return inhabitants;
    }

    public void setInhabitants(Long inhabitants) {
        this.inhabitants = inhabitants;
    }

    public LocalDate getInhabitantsReferenceDate() {
        return inhabitantsReferenceDate;
    }

    public void setInhabitantsReferenceDate(LocalDate inhabitantsReferenceDate) {
        this.inhabitantsReferenceDate = inhabitantsReferenceDate;
    }

    public Integer getStaffCount() {
        return staffCount;
    }

    public void setStaffCount(Integer staffCount) {
        this.staffCount = staffCount;
    }

    public String getLeitwegId() {
        return leitwegId;
    }

    public void setLeitwegId(String leitwegId) {
        this.leitwegId = leitwegId;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactRole() {
        return contactRole;
    }

    public void setContactRole(String contactRole) {
        this.contactRole = contactRole;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public Integer getRequestedShares() {
        return requestedShares;
    }

    public void setRequestedShares(Integer requestedShares) {
        this.requestedShares = requestedShares;
    }

    public List<String> getRequestedServices() {
        return requestedServices;
    }

    public void setRequestedServices(List<String> requestedServices) {
        this.requestedServices = requestedServices == null ? new ArrayList<>() : new ArrayList<>(requestedServices);
    }

    public String getStatutesVersion() {
        return statutesVersion;
    }

    public void setStatutesVersion(String statutesVersion) {
        this.statutesVersion = statutesVersion;
    }

    public boolean isStatutesAcknowledged() {
        return statutesAcknowledged;
    }

    public void setStatutesAcknowledged(boolean statutesAcknowledged) {
        this.statutesAcknowledged = statutesAcknowledged;
    }

    public boolean isPaymentObligationAcknowledged() {
        return paymentObligationAcknowledged;
    }

    public void setPaymentObligationAcknowledged(boolean paymentObligationAcknowledged) {
        this.paymentObligationAcknowledged = paymentObligationAcknowledged;
    }
}
