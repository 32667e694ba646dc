app_name = "consultations"
urlpatterns: list = []
